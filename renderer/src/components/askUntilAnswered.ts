const RETRY_MS = 2_000;

/**
 * Asks the core until it answers (again every 2 s after a failure), rather than guessing from the PC,
 * and hands the answer on unless cancelled: for an effect's body, which returns the cancel.
 */
export function askUntilAnswered<T>(ask: () => Promise<T>, onAnswer: (answer: T) => void): () => void {
  let live = true;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const attempt = () =>
    void ask().then(
      (answer) => live && onAnswer(answer),
      () => {
        if (live) retry = setTimeout(attempt, RETRY_MS);
      },
    );
  attempt();
  return () => {
    live = false;
    clearTimeout(retry);
  };
}
