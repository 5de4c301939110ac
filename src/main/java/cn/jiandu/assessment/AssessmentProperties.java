package cn.jiandu.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param objectionDays calendar days after publication within which a supervisor may object (申诉) to his result
 */
@ConfigurationProperties("jiandu.assessment")
public record AssessmentProperties(Integer objectionDays) {

    public AssessmentProperties {
        objectionDays = objectionDays == null ? 10 : objectionDays;
    }
}
