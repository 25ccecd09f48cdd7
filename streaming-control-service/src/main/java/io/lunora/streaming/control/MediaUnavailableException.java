package io.lunora.streaming.control;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The media backend could not do what was asked; answered as a 503 problem. */
public class MediaUnavailableException extends ErrorResponseException {
    public MediaUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The media engine did not accept the request. Check that it runs, then try again.");
        problem.setTitle("Media engine unavailable");
        return problem;
    }
}
