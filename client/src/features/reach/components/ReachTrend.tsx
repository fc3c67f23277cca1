import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReachTrendQuery } from '../../../generated/graphql';
import { STATUS_COLOUR } from '../reach-status';
import type { ReachText } from '../reach-text';

/** The monthly snapshots as a line chart, and the same figures as a table (for screen readers and print). */
export function ReachTrend({ points, rt }: { points: ReachTrendQuery['reachTrend']; rt: ReachText }) {
  if (!points.length) return <p>{rt('reach.trendEmpty')}</p>;
  return (
    <>
      <div className="reach-trend" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={[...points]} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey="red" name={rt('reach.short.RED')} stroke={STATUS_COLOUR.RED} strokeDasharray="6 3" />
            <Line type="monotone" dataKey="amber" name={rt('reach.short.AMBER')} stroke={STATUS_COLOUR.AMBER} strokeDasharray="2 2" />
            <Line type="monotone" dataKey="green" name={rt('reach.short.GREEN')} stroke={STATUS_COLOUR.GREEN} />
          </LineChart>
        </ResponsiveContainer>
      </div>
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
