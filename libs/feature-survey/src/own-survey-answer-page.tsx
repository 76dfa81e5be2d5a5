import { useOwnSurveyLink } from '@kompetansebro/api-client';
import { Alert, httpErrorText, LoadingState, Page } from '@kompetansebro/ui';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SurveyAnswerPage } from './survey-answer-page';

/**
 * The answer form in a logged-in library's own app: opened with a link's token, as the public
 * form; opened without one (the inbox's "answer the survey"), it asks for the library's own link
 * first, so every way in lands on the form itself.
 */
export function OwnSurveyAnswerPage() {
  const search: Record<string, unknown> = useSearch({ strict: false });
  const token = search['token'];
  return typeof token === 'string' && token !== '' ? <SurveyAnswerPage /> : <OwnLink />;
}

function OwnLink() {
  const { t } = useTranslation();
  const link = useOwnSurveyLink();
  const navigate = useNavigate();
  // One link per visit (React may run the effect twice in development).
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    link.mutate(undefined, { onSuccess: ({ token }) => void navigate({ to: '.', search: { token }, replace: true }) });
  }, [link, navigate]);
  if (link.isError) {
    return (
      <Page title={t('survey.answer.title')}>
        <Alert color="warning">{httpErrorText(t, link.error.status)}</Alert>
      </Page>
    );
  }
  return <LoadingState />;
}
