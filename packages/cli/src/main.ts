/** Placeholder entry: replaced by the real CLI. */
console.log('csmlint 0.1.0');
