package dev.jobsuccess.commons.json;

import jakarta.inject.Singleton;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * Names violated properties by their JSON names, so a 400 says {@code private.recommendScore} (what the caller
 * sent) rather than the Java name {@code privatePart.recommendScore}: "public" and "private" are Java keywords.
 */
@Singleton
public class JsonNamesInViolations implements ValidatorFactoryCustomizer {

    private final ObjectMapper json;

    JsonNamesInViolations(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.propertyNodeNameProvider(this::jsonName);
    }

    String jsonName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            var config = json.getDeserializationConfig();
            BeanDescription description = config.introspect(config.constructType(bean.getDeclaringClass()));
            for (BeanPropertyDefinition p : description.findProperties()) {
                if (p.getInternalName().equals(bean.getName())) {
                    return p.getName();
                }
            }
        }
        return property.getName();
    }
}
