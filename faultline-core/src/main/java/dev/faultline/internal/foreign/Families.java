package dev.faultline.internal.foreign;

import java.util.List;

/**
 * The built-in families, most specific signal first: an explicit code in a header or a distinctive
 * member ({@code __type}, {@code kind: Status}, GraphQL {@code errors}) before shapes that carry
 * only a status and a message, JSON before text, and text before HTML. Faultline's own problem+json
 * is tried before all of them ({@link FaultlineProblem}).
 */
final class Families {
  static final List<Family> ORDER =
      List.of(
          Aws::read,
          Kubernetes::read,
          GraphQl::read,
          GoogleApi::read,
          Stripe::read,
          GitHub::read,
          GrpcGateway::read,
          JsonApi::read,
          ProblemDetails::read,
          SpringBoot::read,
          Fastify::read,
          PythonDetail::read,
          Rails::read,
          GenericJson::read,
          Envoy::read,
          HtmlPage::read,
          PlainText::read);

  private Families() {}
}
