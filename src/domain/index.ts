// Workflow-safe domain modules only. areas.ts (reads files) and holiday-fallback.ts (date-holidays)
// are left out on purpose so a workflow importing this index never pulls them into its bundle.
export * from './agencies';
export * from './calendar';
export * from './categories';
export * from './channels';
export * from './complaint-rules';
export * from './format';
export * from './holidays';
export * from './location';
export * from './units';
