export * from './code-list.ts';
export * from './house.ts';
export * from './people.ts';
export * from './disability.ts';
export * from './ppks.ts';
export * from './economy.ts';
export * from './status.ts';
export * from './organisations.ts';
