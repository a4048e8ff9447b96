package dev.jobsuccess.commons.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

import dev.jobsuccess.commons.time.TimestampText;

/**
 * Request bodies mean exactly what they say. Jackson's defaults would turn a caller's mistake into data nobody
 * entered: a 4.5 star rating truncated to 4, {@code "endReasonCode":1} read as the second reason (one that counts
 * against the freelancer), {@code "dryRun":0} read as false, {@code 20250701} read as a day count from 1970, a
 * number stored as a title, and {@code {"amountCents":500} xyz} paying a bonus. Refused, each becomes a 400 naming
 * the field. Strings may not carry control characters (other than tab and line breaks) or unpaired surrogates,
 * which PostgreSQL cannot store; dates and instants lie in {@link #EARLIEST_DATE} .. {@link #LATEST_DATE}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The earliest date a request may name. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1970, 1, 1);
    /** The latest date a request may name: far enough for any contract, near enough that no arithmetic overflows. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
    static final String TEXT_RULE = "must not contain control characters or unpaired surrogates";
    public static final String DATE_RULE = "must lie between " + EARLIEST_DATE + " and " + LATEST_DATE;
    /** The messages of the rules above, as a 400 names them. */
    public static final java.util.Set<String> RULES = java.util.Set.of(TEXT_RULE, DATE_RULE);

    @Override
    public int priority() {
        // After Quarkus' own customizers, which register the java.time module this wraps.
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.setDefaultLeniency(false);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime}) {
            var coercion = mapper.coercionConfigFor(type);
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString}) {
                if (!sameShape(type, shape)) {
                    coercion.setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        SimpleModule module = new SimpleModule("jobsuccess-strict-json");
        module.addDeserializer(String.class, new PlainString());
        module.setDeserializerModifier(new BoundedTemporals());
        mapper.registerModule(module);
    }

    /** Whether a date lies in the range every request date must lie in. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** Whether a JSON shape is the natural one of a target type, which stays accepted. */
    private static boolean sameShape(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> false;
            case Textual, Enum, DateTime -> shape == CoercionInputShape.String;
            default -> false;
        };
    }

    /** Strings as JSON strings only, without control characters (tab and line breaks aside) or unpaired surrogates. */
    public static final class PlainString extends StdScalarDeserializer<String> {

        PlainString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getText();
            if (!isPlain(value)) {
                throw InvalidFormatException.from(p, TEXT_RULE, value, String.class);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        /** Whether a string is free of control characters (tab and line breaks aside) and unpaired surrogates. */
        public static boolean isPlain(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Wraps the java.time deserializers so that a date or instant is an ISO string within the accepted range. */
    static final class BoundedTemporals extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == LocalDate.class || type == Instant.class || type == OffsetDateTime.class || type == java.time.Duration.class) {
                return new BoundedTemporal(deserializer);
            }
            return deserializer;
        }
    }

    static final class BoundedTemporal extends DelegatingDeserializer {

        private final Class<?> type;

        BoundedTemporal(JsonDeserializer<?> delegate) {
            super(delegate);
            this.type = delegate.handledType();
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedTemporal(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // ISO strings only: java.time would also read numbers as epoch counts and arrays as [year, month, day].
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            // Events carry many instants, and java.time's formatter was a tenth of score-service's consumer (JFR): the
            // canonical forms are read directly, anything else by java.time as before.
            Object value = type == Instant.class ? TimestampText.isoInstant(p.getText())
                    : type == LocalDate.class ? TimestampText.isoDate(p.getText()) : null;
            if (value == null) {
                value = super.deserialize(p, ctxt);
            }
            // A Duration has no date to bound; the string-only rule above is what it needs (no bare seconds).
            LocalDate date = switch (value) {
                case LocalDate d -> d;
                case Instant i -> i.atOffset(ZoneOffset.UTC).toLocalDate();
                case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                case null, default -> null;
            };
            if (date != null && !inRange(date)) {
                throw InvalidFormatException.from(p, DATE_RULE, String.valueOf(value), ((Temporal) value).getClass());
            }
            return value;
        }
    }
}
