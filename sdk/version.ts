/**
 * The SDK version a plugin declares compatibility with in its manifest (`sdk: "^1.0"`).
 *
 * @module
 */

/** Version of this SDK (semantic versioning). A plugin declaring `sdk: "^1.0"` loads on any 1.x. */
export const SDK_VERSION = "1.2.0";
