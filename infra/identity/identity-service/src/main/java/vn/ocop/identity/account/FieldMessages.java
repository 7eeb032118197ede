package vn.ocop.identity.account;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.problem.ProblemException;

/**
 * Field errors that bean validation cannot express (a phone that is not a Vietnamese mobile, a missing contact),
 * in the caller's language like the platform's own: English when asked for, else Vietnamese.
 */
@Singleton
class FieldMessages {

    private final MessageSource messages;

    FieldMessages(MessageSource messages) {
        this.messages = messages;
    }

    Errors collect() {
        return new Errors();
    }

    /** Collects the invalid fields of one request, to report them all at once. */
    final class Errors {

        private final List<Problem.FieldError> errors = new ArrayList<>();

        Errors add(String field, String messageKey) {
            errors.add(new Problem.FieldError(field, messages.getMessage("field." + messageKey, locale()).orElse(messageKey)));
            return this;
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid_request", errors,
                        "The request has invalid fields");
            }
        }
    }

    private static Locale locale() {
        boolean english = ServerRequestContext.currentRequest()
                .flatMap(request -> request.getLocale())
                .filter(l -> "en".equals(l.getLanguage()))
                .isPresent();
        return english ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }
}
