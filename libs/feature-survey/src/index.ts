export { createSurveyAnswerRoute, createSurveyRoutes } from './survey-routes';
export { parseSurveyAnswerSearch, parseSurveyListSearch, type SurveyAnswerSearch, type SurveyListSearch } from './survey-search';
