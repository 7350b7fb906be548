/** A short-lived line under the selection count or as a toast ("Copied"), gone after a moment. */
import { useEffect, useState } from 'react';

const NOTE_MS = 2500;

export function useNote(): [string | null, (note: string | null) => void] {
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (note === null) return;
    const timer = window.setTimeout(() => setNote(null), NOTE_MS);
    return () => window.clearTimeout(timer);
  }, [note]);
  return [note, setNote];
}
