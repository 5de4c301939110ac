/**
 * 评估链: per-type assessment schemes (考核套餐) over four dimensions, assessment runs computed from the ledger,
 * rubric scores and bonus/deduction items entered by the office, the leader's publication, frozen results,
 * objections (申诉), 约谈 records for every 不合格, and the 季通报 quarterly bulletin (.docx through poi-tl, figures
 * from the ledger and {@link cn.jiandu.training.TrainingFacts}, published into the sharing spaces).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "org", "identity", "audit", "calendar", "notification", "selection",
                "ledger", "training", "sharing"})
package cn.jiandu.assessment;
