import { Field, ObjectType } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { HealthCheck } from './health-check.entity.js';
import { HomeVisit } from './home-visit.entity.js';
import { Vaccination } from './vaccination.entity.js';

/** What PMI knows of a child's health, newest first. Not stored: assembled from loaders. */
@ObjectType('HealthRecord')
export class HealthRecord {
  @Field(() => [HealthCheck])
  @Category(DataCategory.HEALTH_DETAILS)
  checks: HealthCheck[];

  @Field(() => [HomeVisit])
  @Category(DataCategory.HEALTH_DETAILS)
  visits: HomeVisit[];

  @Field(() => Vaccination, { nullable: true })
  @Category(DataCategory.HEALTH_DETAILS)
  vaccination: Vaccination | null;
}
