/** Named, ordered start-up data steps that modules contribute ({@link cn.jiandu.shared.seed.SeedStep}). */
package cn.jiandu.shared.seed;
