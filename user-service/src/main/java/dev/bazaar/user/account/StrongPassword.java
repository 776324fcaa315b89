package dev.bazaar.user.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The password policy: 10 characters or more, at most 72 bytes (bcrypt ignores the rest, so
 * Spring Security refuses longer ones), a letter and a digit, and not one of the passwords
 * credential-stuffing lists start with. Length beats composition rules (NIST SP 800-63B), hence a
 * modest rule set.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StrongPassword.Validator.class)
@interface StrongPassword {

    String message() default "must be 10 to 72 bytes long and contain a letter and a digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StrongPassword, String> {

        private static final Set<String> COMMON = Set.of(
                "password123",
                "password1234",
                "qwerty12345",
                "1234567890a",
                "a1234567890",
                "letmein1234",
                "welcome1234",
                "iloveyou123",
                "abc1234567",
                "passw0rd123");

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return fail(context, "must not be empty");
            }
            int bytes = password.getBytes(StandardCharsets.UTF_8).length;
            if (password.length() < 10 || bytes > 72) {
                return fail(context, "must be 10 to 72 bytes long");
            }
            if (password.chars().noneMatch(Character::isLetter)
                    || password.chars().noneMatch(Character::isDigit)) {
                return fail(context, "must contain a letter and a digit");
            }
            if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
                return fail(context, "is too common");
            }
            return true;
        }

        private static boolean fail(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
