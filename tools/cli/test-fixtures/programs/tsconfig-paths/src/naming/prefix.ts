export const prefixed = (name: string): string => `acme-${name}`;
