export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <progress className="progress" max={100} value={percent} aria-label={label} aria-valuetext={`${percent}%`}>
      {percent}%
    </progress>
  );
}
