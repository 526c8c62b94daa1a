/** The export domain's dialog any screen may open: the board's stays export (`export-dialogs.tsx` shows it). */
declare module '../stores/ui-store' {
  interface Dialogs {
    export: object;
  }
}

export {};
