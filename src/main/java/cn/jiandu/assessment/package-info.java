/**
 * 评估链: per-type assessment schemes (考核套餐) over four dimensions, assessment runs computed from the ledger,
 * rubric scores and bonus/deduction items entered by the office, the leader's publication, frozen results,
 * objections (申诉), the performance-points export, 约谈 records and the three-level roll-up.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "org", "identity", "audit", "calendar", "notification", "selection",
                "ledger"})
package cn.jiandu.assessment;
