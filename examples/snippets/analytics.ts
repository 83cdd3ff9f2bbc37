// Stands for an app's analytics module in the README's snippets (examples/snippets/api.ts).
export {};
