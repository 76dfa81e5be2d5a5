export { FinderWidgetCard, finderWidgetCode } from './finder-widget-card';
