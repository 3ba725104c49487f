/**
 * "Tỷ lệ số hóa" and "Tỷ lệ tái sử dụng" of an agency over a period (props only).
 */
import { Show } from 'solid-js';
import type { Rate } from '@motcua/model';

export interface RatesViewProps {
  digitization: Rate;
  reuse: Rate;
  source: string;
}

function RateCard(props: { title: string; rate: Rate; target: number; help: string }) {
  const met = () => props.rate.percent !== null && props.rate.percent >= props.target;
  return (
    <div class="stat">
      <h2>{props.title}</h2>
      <p class="stat-value">{props.rate.percent === null ? 'N/A' : `${props.rate.percent.toLocaleString('vi-VN')}%`}</p>
      <p class="small">
        {props.rate.numerator}/{props.rate.denominator} hồ sơ · {props.help}
      </p>
      <Show when={props.rate.percent !== null}>
        <p class="small">{met() ? `Đạt (từ ${props.target}% trở lên)` : `Chưa đạt mức ${props.target}%`}</p>
      </Show>
    </div>
  );
}

export function RatesView(props: RatesViewProps) {
  return (
    <>
      <div class="stats-grid">
        <RateCard title="Tỷ lệ số hóa" rate={props.digitization} target={80}
          help="hồ sơ có thành phần được số hóa và có kết quả điện tử (nếu thủ tục yêu cầu)" />
        <RateCard title="Tỷ lệ tái sử dụng" rate={props.reuse} target={80}
          help="hồ sơ có ít nhất một thành phần lấy lại từ kho dữ liệu điện tử" />
      </div>
      <p class="muted small">{props.source}</p>
    </>
  );
}
