// deid for VS Code: starts `deid lsp`, mirrors the deid.toml settings, adds the
// document commands to the palette and shows the active note's PHI count in
// the status bar.

import * as vscode from "vscode";
import {
  DocumentSelector,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem | undefined;

/** The server's options: the `deid` settings less the client-only `path`. */
function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration("deid");
  const keys = [
    "severity",
    "categories",
    "excludeCategories",
    "minConfidence",
    "allow",
    "deny",
    "redactionFormat",
    "keyFile",
    "configPath",
    "languages",
    "extensions",
    "debounceMs",
  ];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = config.get(key);
    if (value !== undefined && value !== null) {
      out[key] = value;
    }
  }
  return out;
}

function documentSelector(): DocumentSelector {
  const config = vscode.workspace.getConfiguration("deid");
  const languages = config.get<string[]>("languages", ["plaintext", "markdown"]);
  const extensions = config.get<string[]>("extensions", ["txt", "md"]);
  const selector: DocumentSelector = [];
  for (const scheme of ["file", "untitled"]) {
    for (const language of languages) {
      selector.push({ scheme, language });
    }
  }
  for (const ext of extensions) {
    selector.push({ scheme: "file", pattern: `**/*.${ext.replace(/^\./, "")}` });
  }
  return selector;
}

function createClient(): LanguageClient {
  const command = vscode.workspace.getConfiguration("deid").get<string>("path", "deid");
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: serverSettings(),
    synchronize: { configurationSection: "deid" },
    // Configuration pulls get the same shape as the initialization options.
    middleware: {
      workspace: {
        configuration: (params) => params.items.map((item) => (item.section === "deid" ? serverSettings() : null)),
      },
    },
  };
  return new LanguageClient("deid", "deid", serverOptions, clientOptions);
}

/** Runs server command `command` on the active document. */
async function run(command: string, extra: Record<string, unknown> = {}): Promise<unknown> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    void vscode.window.showWarningMessage("deid: open a note first");
    return undefined;
  }
  const uri = editor.document.uri.toString();
  try {
    return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [{ uri, ...extra }] });
  } catch (err) {
    void vscode.window.showErrorMessage(`deid: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

interface Summary {
  total: number;
  categories: Record<string, number>;
}

async function showSummary(): Promise<void> {
  const summary = (await run("deid.summary")) as Summary | undefined;
  if (!summary) {
    return;
  }
  const parts = Object.entries(summary.categories).map(([category, n]) => `${category} ${n}`);
  void vscode.window.showInformationMessage(
    `deid: ${summary.total} PHI span(s)${parts.length ? ": " + parts.join(", ") : ""}`,
  );
}

async function writeCopy(mode: "redact" | "surrogate"): Promise<void> {
  const result = (await run("deid.deidentify", { mode })) as { uri?: string } | undefined;
  if (result?.uri) {
    await vscode.window.showTextDocument(vscode.Uri.parse(result.uri));
  }
}

function updateStatus(): void {
  if (!status) {
    return;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    status.hide();
    return;
  }
  const count = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === "deid").length;
  status.text = count === 0 ? "$(shield) no PHI" : `$(shield) PHI: ${count}`;
  status.tooltip = "deid: PHI spans in this note (click for a summary)";
  status.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = "deid.showSummary";
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand("deid.redactDocument", () => run("deid.redactAll")),
    vscode.commands.registerCommand("deid.surrogateDocument", () => run("deid.surrogateAll")),
    vscode.commands.registerCommand("deid.showSummary", showSummary),
    vscode.commands.registerCommand("deid.writeRedactedCopy", () => writeCopy("redact")),
    vscode.commands.registerCommand("deid.writeSurrogateCopy", () => writeCopy("surrogate")),
    vscode.commands.registerCommand("deid.restartServer", async () => {
      await client?.stop();
      client = createClient();
      await client.start();
    }),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The server path and the document selector need a new client.
      if (e.affectsConfiguration("deid.path") || e.affectsConfiguration("deid.languages") || e.affectsConfiguration("deid.extensions")) {
        await vscode.commands.executeCommand("deid.restartServer");
      }
    }),
  );
  client = createClient();
  try {
    await client.start();
  } catch (err) {
    void vscode.window.showErrorMessage(
      `deid: could not start the language server (${err instanceof Error ? err.message : String(err)}); set "deid.path"`,
    );
  }
  updateStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
