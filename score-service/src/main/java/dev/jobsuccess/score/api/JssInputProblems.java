package dev.jobsuccess.score.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.jobsuccess.commons.problem.Problem;
import dev.jobsuccess.commons.problem.ProblemException;
import dev.jobsuccess.jss.InvalidJssInputException;

/** The engine's refusal of a request becomes a 400 problem naming the field, e.g. {@code contracts[1].endedAt}. */
public class JssInputProblems {

    @ServerExceptionMapper
    public Response invalid(InvalidJssInputException e, UriInfo uri) {
        String message = e.getMessage().startsWith(e.field() + ": ") ? e.getMessage().substring(e.field().length() + 2)
                : e.getMessage();
        Problem problem = ProblemException.badRequest(e.field(), message).problem();
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem.withInstance(uri.getPath())).build();
    }
}
