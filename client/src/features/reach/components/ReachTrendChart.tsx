import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReachTrendQuery } from '../../../generated/graphql';
import { STATUS_COLOUR } from '../reach-status';
import type { ReachText } from '../reach-text';

/** The line chart of the monthly snapshots (decorative: ReachTrend shows the same figures as a table). */
export function ReachTrendChart({ points, rt }: { points: ReachTrendQuery['reachTrend']; rt: ReachText }) {
  return (
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
  );
}
