export { createSurveyAnswerRoute, createSurveyRoutes } from './survey-routes';
