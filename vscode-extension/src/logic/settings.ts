/** The settings the server reads (see the protocol contract): built from `bytelens.*`. */

export interface ServerSettings {
  inlayHints: { enabled: boolean };
  hover: { showExplanations: boolean };
}

/** `get(key, default)` reads one `bytelens.` setting, as `WorkspaceConfiguration.get` does. */
export function serverSettings(get: <T>(key: string, fallback: T) => T): ServerSettings {
  return {
    inlayHints: { enabled: Boolean(get("inlayHints.enabled", true)) },
    hover: { showExplanations: Boolean(get("hover.showExplanations", true)) },
  };
}

/** The `workspace/didChangeConfiguration` params sent when a `bytelens.*` setting changes. */
export function didChangeConfigurationParams(settings: ServerSettings): { settings: { bytelens: ServerSettings } } {
  return { settings: { bytelens: settings } };
}
