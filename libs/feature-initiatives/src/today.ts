// Due dates and periods are Norwegian calendar dates.
export { todayInNorway } from '@kompetansebro/domain';
