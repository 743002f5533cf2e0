package nl.quickscan.accounts;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;

import java.util.Optional;

/** MySQL returns a condition such as {@code x IS NOT NULL} as the number 0 or 1, where H2 returns a boolean. */
@Singleton
class SqlBooleanConverter implements TypeConverter<Number, Boolean> {

    @Override
    public Optional<Boolean> convert(Number value, Class<Boolean> targetType, ConversionContext context) {
        return Optional.of(value.intValue() != 0);
    }
}
