package dev.faultline.bench;

import java.util.List;
import java.util.Map;

/**
 * The problem+json document as a framework models it: a POJO tree that jackson-databind serializes
 * and deserializes by reflection, with the members Faultline writes.
 */
public final class ProblemTree {
  public String type;
  public String title;
  public int status;
  public String detail;
  public String instance;
  public String code;
  public String reason;
  public String domain;
  public String service;
  public String traceId;
  public String instanceId;
  public Map<String, String> metadata;
  public List<Cause> causes;
  public Boolean truncated;

  /** One entry of {@code causes}. */
  public static final class Cause {
    public String service;
    public String code;
    public String reason;
    public String domain;
    public String message;
    public Map<String, String> metadata;
    public String instanceId;
    public String traceId;
  }
}
