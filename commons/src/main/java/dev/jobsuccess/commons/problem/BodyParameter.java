package dev.jobsuccess.commons.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/** Which parameter of a resource method JAX-RS fills from the request body. */
public final class BodyParameter {

    private BodyParameter() {
    }

    /** The index of the entity parameter (the one without a JAX-RS parameter annotation), or -1 when there is none. */
    public static int indexIn(Method method) {
        if (method == null) {
            return -1;
        }
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean fromRequestParts = false;
            for (Annotation a : annotations[i]) {
                String type = a.annotationType().getName();
                fromRequestParts |= type.startsWith("jakarta.ws.rs.") || type.startsWith("org.jboss.resteasy.reactive.");
            }
            if (!fromRequestParts) {
                return i;
            }
        }
        return -1;
    }
}
