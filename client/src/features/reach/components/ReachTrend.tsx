import { Suspense, useEffect, useRef, useState } from 'react';
import { lazyPage } from '../../../app/lazy-page';
import type { ReachTrendQuery } from '../../../generated/graphql';
import type { ReachText } from '../reach-text';

const ReachTrendChart = lazyPage(() => import('./ReachTrendChart'), 'ReachTrendChart');

/** The monthly snapshots as a line chart, and the same figures as a table (for screen readers and print). */
export function ReachTrend({ points, rt }: { points: ReachTrendQuery['reachTrend']; rt: ReachText }) {
  if (!points.length) return <p>{rt('reach.trendEmpty')}</p>;
  return (
    <>
      <TrendChartBox points={points} rt={rt} />
      <table className="reach-table reach-table--small">
        <caption>{rt('reach.trendCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{rt('reach.month')}</th>
            <th scope="col">{rt('reach.short.RED')}</th>
            <th scope="col">{rt('reach.short.AMBER')}</th>
            <th scope="col">{rt('reach.short.GREEN')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{p.month}</th>
              <td>{p.red}</td>
              <td>{p.amber}</td>
              <td>{p.green}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** recharts is large (120 kB): it loads when its box comes near the viewport, into a box of fixed height, so nothing moves. */
function TrendChartBox({ points, rt }: { points: ReachTrendQuery['reachTrend']; rt: ReachText }) {
  const box = useRef<HTMLDivElement>(null);
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const target = box.current;
    if (inView || !target) return;
    if (typeof IntersectionObserver === 'undefined') return setInView(true);
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setInView(true), { rootMargin: '200px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [inView]);
  return (
    <div className="reach-trend" aria-hidden="true" ref={box}>
      {inView ? (
        <Suspense fallback={null}>
          <ReachTrendChart points={points} rt={rt} />
        </Suspense>
      ) : null}
    </div>
  );
}
