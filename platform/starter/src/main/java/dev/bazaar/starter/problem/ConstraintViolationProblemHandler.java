package dev.bazaar.starter.problem;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bean-validation failures raised inside services (method validation) are the client's fault: 400. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConstraintViolationProblemHandler {

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handle(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        ProblemDetail problem = ProblemDetailsExceptionHandler.validationProblem(errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
