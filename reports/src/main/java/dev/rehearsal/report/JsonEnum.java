package dev.rehearsal.report;

/** An enum whose JSON form is a fixed lower-camel word, independent of the Java constant name. */
interface JsonEnum {
    String json();

    static <E extends Enum<E> & JsonEnum> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.json().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + value + "'");
    }
}
