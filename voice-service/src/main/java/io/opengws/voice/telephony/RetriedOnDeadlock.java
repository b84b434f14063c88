package io.opengws.voice.telephony;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A transaction that PostgreSQL ends to break a deadlock (or a serialization failure) is run again, whole: changes
 * lock the calls and devices they touch in the order they meet them, so two changes can, rarely, each wait for the
 * other (say a customer hangs up a call while the agent it consults answers). Only the outermost transaction is
 * retried; a method called inside one runs as it is.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetriedOnDeadlock {
}
