package io.lunora.support.problem;

import io.lunora.support.clients.DownstreamFailures;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into RFC 9457 problem+json. Validation problems name each field at fault in
 * {@code errors}. Unexpected failures answer a bare 500: exception texts can hold request data
 * (stream keys, URLs) and never reach the client.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(jsonName(e.getField()), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> log.debug("object error {}", e.getDefaultMessage()));
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldError(
                        jsonName(r.getMethodParameter().getParameterName()), e.getDefaultMessage())))
                .toList();
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape.");
        problem.setTitle("Malformed request body");
        return problemResponse(problem);
    }

    /** A query or path parameter of the wrong type ({@code from=yesterday}): named, its value not echoed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String expected = type == null ? "another form" : type == java.time.LocalDate.class ? "a date (YYYY-MM-DD)"
                : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number" : "another form";
        return validationProblem(List.of(new FieldError(jsonName(name == null ? "parameter" : name),
                "must be " + expected)));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return validationProblem(List.of(new FieldError(ex.field(), ex.getMessage())));
    }

    /** Several fields at fault at once, named by their JSON paths ({@code video.bitrate_kbps}). */
    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        return validationProblem(ex.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problemResponse(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Conflict");
        return problemResponse(problem);
    }

    /** A conditional write lost: somebody changed the item since the caller read it. */
    @ExceptionHandler(ConcurrentChangeException.class)
    ResponseEntity<Object> staleVersion(ConcurrentChangeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Stale version");
        return problemResponse(problem);
    }

    @ExceptionHandler(StorageUnavailableException.class)
    ResponseEntity<Object> storageUnavailable(StorageUnavailableException ex) {
        log.warn("Data store unavailable: {}", SafeFailure.describe(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The data store is not available now. Try again shortly.");
        problem.setTitle("Service unavailable");
        return problemResponse(problem);
    }

    /** Another service's failed answer, as {@link DownstreamFailures} translates it. */
    @ExceptionHandler(RestClientException.class)
    ResponseEntity<Object> downstream(RestClientException ex) {
        return problemResponse(DownstreamFailures.problem(ex));
    }

    /** The token to call another service could not be had. */
    @ExceptionHandler(org.springframework.security.oauth2.core.OAuth2AuthorizationException.class)
    ResponseEntity<Object> noServiceToken(org.springframework.security.oauth2.core.OAuth2AuthorizationException ex) {
        return problemResponse(DownstreamFailures.noServiceToken(ex.getError().getErrorCode()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> forbidden(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your role does not allow this action.");
        problem.setTitle("Forbidden");
        return problemResponse(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        // Types and place only: messages may carry request data.
        log.error("Unexpected failure: {}", SafeFailure.describe(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. It has been logged.");
        problem.setTitle("Internal error");
        return problemResponse(problem);
    }

    /** Field paths as the client wrote them: API JSON is snake_case ({@code primarySource.port} → {@code primary_source.port}). */
    static String jsonName(String javaPath) {
        return javaPath == null ? null : javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static ResponseEntity<Object> validationProblem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.isEmpty() ? "The request is not valid." : errors.size() == 1
                        ? "Field '" + errors.get(0).field() + "': " + errors.get(0).message()
                        : errors.size() + " fields are not valid.");
        problem.setTitle("Invalid request");
        problem.setType(URI.create("https://lunora.live/problems/validation"));
        problem.setProperty("errors", errors);
        return problemResponse(problem);
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .headers(DownstreamFailures.retryAfter(problem))
                .body(problem);
    }
}
