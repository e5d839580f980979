/** What the editor needs of the importer module (`disclosure-report/import`). */
export interface ImportedDiagnostic {
  level: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line?: number;
  cells?: string[];
}

export interface ImportModule {
  importReport(
    input: string | Uint8Array | ArrayBuffer,
    options?: { locale?: 'zh-CN' | 'en'; type?: 'html' | 'text' },
  ):
    | { report: unknown; diagnostics: ImportedDiagnostic[] }
    | Promise<{ report: unknown; diagnostics: ImportedDiagnostic[] }>;
}
