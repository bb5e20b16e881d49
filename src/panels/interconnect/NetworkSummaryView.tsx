// Step time and where it goes on the critical path, plus link-utilisation figures.
import { HowToggle } from '../../ui/HowToggle';
import type { NetworkResult } from '../../engine/types';
import { summarizeNetwork, formatUs, formatUtilization } from './summary';
import { linkName } from './layout';
import { formatPercent } from '../../ui/format';
import { ModelDoc } from './ModelDoc';

export function NetworkSummaryView({ network }: { network: NetworkResult }) {
  const s = summarizeNetwork(network);
  return (
    <div className="ic-summary" data-highlight="interconnect-summary">
      <div className="metric-grid">
        <Metric
          id="step"
          label="Decode step (one token)"
          value={formatUs(s.stepUs)}
          raw={s.stepUs}
          title="Makespan of one decode step in the discrete-event simulation: the end of the last compute or transfer (µs)."
        />
        <Metric
          id="compute"
          label="Compute on critical path"
          value={`${formatUs(s.computeUs)} (${formatPercent(s.computeShare)})`}
          raw={s.computeUs}
          title="Sum of the compute durations on the critical path (the chain of events with no slack: shortening anything else cannot shorten the step); % of the step time."
        />
        <Metric
          id="communication"
          label="Communication on critical path"
          value={`${formatUs(s.communicationUs)} (${formatPercent(s.communicationShare)})`}
          raw={s.communicationUs}
          title="Step time minus compute on the critical path: transfers, link latency and queueing on busy links along the path; % of the step time."
        />
        <Metric
          id="busiest"
          label="Busiest link"
          value={s.busiest ? formatUtilization(s.busiest.utilization) + ' busy' : '-'}
          raw={s.busiest?.utilization ?? 0}
          title={
            s.busiest
              ? `${linkName(network, s.busiest)}: ${s.busiest.bandwidthGBps} GB/s per direction, ${s.busiest.latencyUs} µs latency. Utilisation = busy time of its busier direction (bytes / bandwidth) / step time.`
              : 'No links.'
          }
          sub={s.busiest ? linkName(network, s.busiest) : undefined}
        />
        <Metric
          id="mean-util"
          label="Mean link utilisation"
          value={formatUtilization(s.meanUtilization)}
          raw={s.meanUtilization}
          title={`Mean over all ${s.links.toLocaleString()} links of each link's utilisation (busy time of its busier direction / step time), unweighted by bandwidth.`}
        />
      </div>
      <ModelDoc />
    </div>
  );
}

function Metric(props: { id: string; label: string; value: string; raw: number; title: string; sub?: string }) {
  return (
    <div className="metric" title={props.title} data-testid={`ic-${props.id}`} data-value={props.raw}>
      <div className="label">
        {props.label} <HowToggle text={props.title} what={props.label.toLowerCase()} />
      </div>
      <div className="value">{props.value}</div>
      {props.sub ? <div className="ic-sub muted">{props.sub}</div> : null}
    </div>
  );
}
