package dev.jusdt.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the provider of the {@link UsdtProbe}s declared inside the annotated type, so each probe
 * need not repeat it.
 *
 * <pre>{@code
 * @UsdtProvider("myapp")
 * public interface ServerProbes {
 *   @UsdtProbe(name = "request-start")
 *   void requestStart(long id, String path);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UsdtProvider {

  /** The provider name: letters, digits and {@code _}, starting with a letter or {@code _}. */
  String value();
}
