/** The campaign list's state in the URL (`?status=open&page=2`); what does not parse is left out. */
export interface SurveyListSearch {
  status?: 'open' | 'closed';
  page?: number;
}

export function parseSurveyListSearch(search: Record<string, unknown>): SurveyListSearch {
  const result: SurveyListSearch = {};
  if (search['status'] === 'open' || search['status'] === 'closed') result.status = search['status'];
  const raw = search['page'];
  const page = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (Number.isInteger(page) && page > 1 && page <= 100_000) result.page = page;
  return result;
}

/** The answer form's link: `?token=…` from the e-mail. */
export interface SurveyAnswerSearch {
  token?: string;
}

export function parseSurveyAnswerSearch(search: Record<string, unknown>): SurveyAnswerSearch {
  const token = search['token'];
  return typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? { token } : {};
}
