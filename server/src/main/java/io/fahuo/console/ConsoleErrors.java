package io.fahuo.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import io.fahuo.shared.ConflictException;
import io.fahuo.shared.InvalidRequestException;
import io.fahuo.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors of console pages as pages (or, for htmx requests, as a message in place of the fragment), not as
 * the API's problem+json.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler({InvalidRequestException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ModelAndView invalid(Exception e, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        return page(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    private static ModelAndView page(HttpStatus status, String message, HttpServletRequest request) {
        boolean fragment = request.getHeader("HX-Request") != null;
        ModelAndView view = new ModelAndView(fragment ? "console/fragments :: alert" : "console/error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
