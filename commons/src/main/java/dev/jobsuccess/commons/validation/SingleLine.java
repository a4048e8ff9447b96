package dev.jobsuccess.commons.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A name, title or id: no line breaks and no tabs. Every JSON string is already free of the other control
 * characters and of unpaired surrogates ({@code dev.jobsuccess.commons.json.StrictJson}); comments, which may
 * span lines, simply omit this constraint.
 */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be a single line without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
