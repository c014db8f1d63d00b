package io.openclaw.hq.gateway.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.Allowlist;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.JobTypeSpec;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.ParamSpec;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.RepoSpec;
import io.openclaw.hq.platform.errors.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A job submission checked against runner-service's own allowlist before anything is sent: a job
 * type, a repository and params it lists, each value matching its pattern whole, the required ones
 * present, a commit of 7–40 lower-case hex digits or none. The refusal names what was wrong and
 * never echoes a value. runner-service checks again; this keeps a forged form from reaching it.
 */
public final class JobForm {

    public static final String PARAM_PREFIX = "param.";
    static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");
    static final int MAX_VALUE = 1024;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final List<String> FIELDS = List.of("jobType", "repo", "sha");

    private JobForm() {
    }

    /** A checked submission: what to send and, for the audit, the repository's project. */
    public record Checked(String jobType, String repo, String project, ObjectNode body) {
    }

    /** {@code form}: the posted fields (first value of each); empty values count as absent. */
    public static Checked check(Map<String, List<String>> form, Allowlist allowlist) {
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String name = field.getKey();
            if (!FIELDS.contains(name) && !name.startsWith(PARAM_PREFIX)) {
                throw ProblemException.badRequest("unknown field '" + printable(name) + "'");
            }
            if (field.getValue() != null && field.getValue().size() > 1) {
                throw ProblemException.badRequest("field '" + printable(name) + "' given more than once");
            }
        }
        String jobType = value(form, "jobType").orElseThrow(() -> ProblemException.badRequest("jobType is required"));
        JobTypeSpec type = allowlist.jobTypes().stream().filter(t -> t.jobType().equals(jobType)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown jobType '" + printable(jobType) + "'; allowed: "
                        + String.join(", ", allowlist.jobTypes().stream().map(JobTypeSpec::jobType).toList())));
        String repo = value(form, "repo").orElseThrow(() -> ProblemException.badRequest("repo is required"));
        RepoSpec repoSpec = allowlist.repos().stream().filter(r -> r.name().equals(repo)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown repo '" + printable(repo) + "'; allowed: "
                        + String.join(", ", allowlist.repos().stream().map(RepoSpec::name).toList())));
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("jobType", type.jobType()).put("repo", repoSpec.name());
        Optional<String> sha = value(form, "sha");
        if (sha.isPresent()) {
            if (!SHA.matcher(sha.get()).matches()) {
                throw ProblemException.badRequest("sha must be 7 to 40 lower-case hex digits, or empty for the head of "
                        + "the default branch");
            }
            body.put("sha", sha.get());
        }
        body.set("params", params(form, type));
        return new Checked(type.jobType(), repoSpec.name(), repoSpec.project(), body);
    }

    private static ObjectNode params(Map<String, List<String>> form, JobTypeSpec type) {
        Map<String, String> given = new TreeMap<>();
        for (String field : form.keySet()) {
            if (!field.startsWith(PARAM_PREFIX)) {
                continue;
            }
            String name = field.substring(PARAM_PREFIX.length());
            Optional<String> v = value(form, field);
            if (type.params().stream().noneMatch(p -> p.name().equals(name))) {
                throw ProblemException.badRequest("job type '" + type.jobType() + "' takes no param '" + printable(name)
                        + "'" + (type.params().isEmpty() ? "" : "; allowed: "
                                + String.join(", ", type.params().stream().map(ParamSpec::name).toList())));
            }
            v.ifPresent(value -> given.put(name, value));
        }
        List<String> missing = new ArrayList<>();
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (ParamSpec spec : type.params()) {
            String value = given.get(spec.name());
            if (value == null) {
                if (spec.required()) {
                    missing.add(spec.name());
                }
                continue;
            }
            if (value.length() > MAX_VALUE || CONTROL.matcher(value).find()) {
                throw ProblemException.badRequest("param " + spec.name() + " must be at most " + MAX_VALUE
                        + " characters without control characters");
            }
            if (!matchesWhole(spec, value)) {
                throw ProblemException.badRequest("param " + spec.name() + " does not match " + spec.pattern());
            }
            params.put(spec.name(), value);
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("job type '" + type.jobType() + "' needs " + String.join(", ", missing));
        }
        return params;
    }

    private static boolean matchesWhole(ParamSpec spec, String value) {
        try {
            return Pattern.compile(spec.pattern()).matcher(value).matches();
        } catch (PatternSyntaxException | NullPointerException e) {
            // runner-service validates its patterns; one the gateway cannot read is refused, not skipped
            throw ProblemException.badRequest("param " + spec.name() + " has a pattern the gateway cannot read");
        }
    }

    private static Optional<String> value(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }

    /** A field name or value as it may appear in a refusal: short, printable. */
    static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
