/**
 * A small command-line flag reader shared by the workbench's commands.
 *
 * @module
 */

/** Parsed command line: positional arguments and flags. */
export interface ParsedArgs {
  /** Arguments that are not flags, in order. */
  positional: string[];
  /** `--name value` flags; repeated flags keep every value. */
  values: Map<string, string[]>;
  /** `--name` flags with no value. */
  switches: Set<string>;
}

/**
 * Reads `args`. `valueFlags` names the flags that take a value
 * (`--track SLUG` or `--track=SLUG`); any other `--flag` is a switch.
 */
export function parseArgs(args: readonly string[], valueFlags: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      parsed.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (valueFlags.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
    } else {
      parsed.switches.add(name);
    }
  }
  return parsed;
}

/** The bytes of the file a command was given, or null after printing why it cannot be read. */
export async function readInputFile(path: string): Promise<Uint8Array | null> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    console.error(`cannot read ${path}: ${(error as Error).message}`);
    return null;
  }
}
