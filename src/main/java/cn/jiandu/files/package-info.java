/**
 * Blob storage: one port ({@link cn.jiandu.files.FileStore}) with a local-disk backend, content-type checks by magic
 * bytes, SHA-256 per blob, durable writes before commit, and a sweeper for bytes without a row. Depends on: shared.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package cn.jiandu.files;
