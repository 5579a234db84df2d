/**
 * Building blocks every module may use: id generation, data encryption and masking of consumer data,
 * problem+json error handling. Open module: it has no business logic of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.fahuo.shared;
