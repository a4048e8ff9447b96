package dev.jobsuccess.contract.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.ToLongFunction;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.jobsuccess.contract.config.ContractConfig;

/**
 * The configured maxima of money entering through a request (see {@link ContractConfig}): a request field over its
 * maximum is a 400 naming the field, before anything is read or changed.
 */
public final class MoneyLimit {

    private MoneyLimit() {
    }

    /** An amount of money: at most {@link ContractConfig#maxAmountCents()}. */
    @Documented
    @Constraint(validatedBy = AmountValidator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Amount {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** An hourly rate: at most {@link ContractConfig#maxHourlyRateCents()}. */
    @Documented
    @Constraint(validatedBy = HourlyRateValidator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface HourlyRate {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class AmountValidator extends AtMost<Amount> {
        public AmountValidator() {
            super(ContractConfig::maxAmountCents);
        }
    }

    public static final class HourlyRateValidator extends AtMost<HourlyRate> {
        public HourlyRateValidator() {
            super(ContractConfig::maxHourlyRateCents);
        }
    }

    /** Null passes (@NotNull says whether a field is required); the message states the maximum. */
    abstract static class AtMost<A extends java.lang.annotation.Annotation> implements ConstraintValidator<A, Long> {

        private final ToLongFunction<ContractConfig> limit;
        private volatile ContractConfig config;

        AtMost(ToLongFunction<ContractConfig> limit) {
            this.limit = limit;
        }

        @Override
        public boolean isValid(Long cents, ConstraintValidatorContext context) {
            if (cents == null) {
                return true;
            }
            long max = limit.applyAsLong(config());
            if (cents <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be at most " + max + " cents").addConstraintViolation();
            return false;
        }

        /** Looked up at first use, not at creation: Hibernate Validator creates validators before the configuration is in place. */
        private ContractConfig config() {
            ContractConfig c = config;
            if (c == null) {
                c = CDI.current().select(ContractConfig.class).get();
                config = c;
            }
            return c;
        }
    }
}
