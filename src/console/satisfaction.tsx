/**
 * The complainants' satisfaction in the staff console: the rating on a case page (GET
 * /api/complaints/:id/rating) and the recap report's satisfaction figures (per month and per unit).
 */
import { useEffect, useState } from 'preact/hooks';
import { monthLabel } from '../domain/months';
import {
  SATISFACTION_GRADE_LABELS,
  SATISFACTION_LABELS,
  type SatisfactionScore,
} from '../domain/satisfaction';
import { api, errorMessage, type Schemas } from './api/client';
import { formatDateTime, UNIT_LABELS } from './format';
import { Alert } from './ui';

type Rating = Schemas['RatingView'];
type Summary = Schemas['SatisfactionSummaryView'];
type Recap = Schemas['RecapSatisfactionView'];

const decimal = (value: number | null) =>
  value === null
    ? '–'
    : value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function gradeText(summary: Summary): string {
  return summary.grade ? `${summary.grade} (${SATISFACTION_GRADE_LABELS[summary.grade]})` : '–';
}

/**
 * The complainant's rating of a resolved case, or that none was given yet. A rating given stays shown
 * whatever happens to the case afterwards.
 */
export function CaseRating(props: { complaintId: string; status: string; reloadKey: number }) {
  const [rating, setRating] = useState<Rating | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const {
        data,
        error: apiError,
        response,
      } = await api.GET('/api/complaints/{id}/rating', {
        params: { path: { id: props.complaintId } },
      });
      if (cancelled) return;
      if (data) {
        setRating(data.rating);
        setError(null);
      } else setError(errorMessage(apiError, response));
    })();
    return () => {
      cancelled = true;
    };
  }, [props.complaintId, props.reloadKey]);

  if (props.status !== 'RESOLVED' && !rating) return null;
  return (
    <section class="card" aria-labelledby="penilaian-pengadu">
      <h2 id="penilaian-pengadu">Penilaian pengadu</h2>
      <Alert message={error} />
      {rating === undefined && !error ? <p class="muted">Memuat penilaian…</p> : null}
      {rating === null ? (
        <p class="muted">Pengadu belum memberi penilaian atas penanganan pengaduan ini.</p>
      ) : null}
      {rating ? (
        <>
          <p>
            <strong class="rating-score">
              {rating.score} dari 4 ·{' '}
              {SATISFACTION_LABELS[rating.score as SatisfactionScore] ?? rating.scoreLabel}
            </strong>
          </p>
          {rating.comment ? <p class="prewrap">“{rating.comment}”</p> : <p class="muted">Tanpa komentar.</p>}
          <p class="muted small">Dinilai {formatDateTime(rating.ratedAt)}</p>
        </>
      ) : null}
    </section>
  );
}

function SummaryTable(props: {
  caption: string;
  head: string;
  rows: { key: string; label: string; s: Summary }[];
}) {
  return (
    <table class="data stack">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col" class="num">
            Penilaian
          </th>
          <th scope="col" class="num">
            Rata-rata (1–4)
          </th>
          {([1, 2, 3, 4] as const).map((score) => (
            <th key={score} scope="col" class="num">
              {score} {SATISFACTION_LABELS[score]}
            </th>
          ))}
          <th scope="col" class="num">
            Indeks (×25)
          </th>
          <th scope="col">Mutu</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ key, label, s }) => (
          <tr key={key}>
            <td data-label={props.head}>{label}</td>
            <td class="num" data-label="Penilaian">
              {s.count}
            </td>
            <td class="num" data-label="Rata-rata (1–4)">
              {decimal(s.average)}
            </td>
            {s.distribution.map((d) => (
              <td key={d.score} class="num" data-label={`${d.score} ${d.label}`}>
                {d.count}
              </td>
            ))}
            <td class="num" data-label="Indeks (×25)">
              {decimal(s.index)}
            </td>
            <td data-label="Mutu">{gradeText(s)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The recap report's satisfaction figures: the period, each month, each unit. */
export function SatisfactionRecap(props: { satisfaction?: Recap | null }) {
  const s = props.satisfaction;
  if (!s) return null;
  return (
    <section aria-labelledby="rekap-kepuasan-judul">
      <h3 id="rekap-kepuasan-judul">Kepuasan pengadu (skala IKM 1–4)</h3>
      <p class="muted small">
        Penilaian yang diberikan pengadu dalam periode ini setelah pengaduannya ditanggapi: 1 Tidak baik, 2
        Kurang baik, 3 Baik, 4 Sangat baik. Indeks = rata-rata × 25; mutu menurut PermenPANRB 14/2017. Per
        unit: setiap unit yang mendapat tugas pada pengaduan yang dinilai.
      </p>
      <dl class="facts recap-facts">
        <div>
          <dt>Penilaian diterima</dt>
          <dd>{s.overall.count}</dd>
        </div>
        <div>
          <dt>Rata-rata (1–4)</dt>
          <dd>{decimal(s.overall.average)}</dd>
        </div>
        <div>
          <dt>Indeks kepuasan</dt>
          <dd>{decimal(s.overall.index)}</dd>
        </div>
        <div>
          <dt>Mutu</dt>
          <dd>{gradeText(s.overall)}</dd>
        </div>
      </dl>
      {s.overall.count === 0 ? (
        <p class="muted">Belum ada penilaian dalam periode ini.</p>
      ) : (
        <>
          <SummaryTable
            caption="Kepuasan per bulan"
            head="Bulan"
            rows={s.byMonth.map((m) => ({ key: m.month, label: monthLabel(m.month), s: m }))}
          />
          <SummaryTable
            caption="Kepuasan per unit"
            head="Unit"
            rows={s.byUnit.map((u) => ({
              key: u.unit,
              label: UNIT_LABELS[u.unit as keyof typeof UNIT_LABELS] ?? u.unit,
              s: u,
            }))}
          />
        </>
      )}
    </section>
  );
}
