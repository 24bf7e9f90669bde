/**
 * `awsx:ecr:Repository`: an `aws:ecr/repository:Repository` named after the component in lower case, and unless
 * `lifecyclePolicy.skip`, an `aws:ecr/lifecyclePolicy:LifecyclePolicy` with awsx's rules (by default: expire
 * untagged images beyond one). The component's `url` is the repository's URL.
 */
import { type WireValue } from '../../types';
import { type ComponentBuilder } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { type ComponentModel, type ComponentOutputs } from '../component-model';
import { ComponentArgumentError } from '../model-errors';
import { derive } from '../traced-value';

type Rule = { [key: string]: WireValue };

function convertRule(rule: Rule, rulePriority: number): WireValue {
  let count: Rule;
  if (rule['maximumNumberOfImages'] !== undefined) count = { countType: 'imageCountMoreThan', countNumber: rule['maximumNumberOfImages'] };
  else if (rule['maximumAgeLimit'] !== undefined) count = { countType: 'sinceImagePushed', countNumber: rule['maximumAgeLimit'], countUnit: 'days' };
  else throw new ComponentArgumentError('Either [maximumNumberOfImages] or [maximumAgeLimit] must be provided with a rule.');
  let tag: Rule;
  if (rule['tagStatus'] === 'any' || rule['tagStatus'] === 'untagged') {
    tag = { tagStatus: rule['tagStatus'] };
  } else {
    const prefixes = rule['tagPrefixList'];
    if (!Array.isArray(prefixes) || prefixes.length === 0) throw new ComponentArgumentError('tagPrefixList cannot be empty.');
    tag = { tagStatus: 'tagged', tagPrefixList: prefixes };
  }
  const result: Rule = { rulePriority, selection: { ...tag, ...count }, action: { type: 'expire' } };
  if (rule['description'] !== undefined) result['description'] = rule['description'];
  return result;
}

/** The lifecycle policy document: the `any` rule last (it must have the highest priority), priorities from 1. */
function lifecyclePolicyDocument(rules: readonly Rule[]): WireValue {
  const anyRules = rules.filter((rule) => rule['tagStatus'] === 'any');
  if (anyRules.length >= 2) throw new ComponentArgumentError('At most one [selection: "any"] rule can be provided.');
  const ordered = [...rules.filter((rule) => rule['tagStatus'] !== 'any'), ...anyRules];
  return { rules: ordered.map((rule, index) => convertRule(rule, index + 1)) };
}

const DEFAULT_RULES: Rule[] = [{ description: 'remove untagged images', tagStatus: 'untagged', maximumNumberOfImages: 1 }];

function expandRepository(build: ComponentBuilder, inputs: ComponentInputs): ComponentOutputs {
  const name = build.component.name.toLowerCase();
  const { lifecyclePolicy: _lifecyclePolicy, ...repositoryArgs } = inputs.values();
  const repository = build.child('aws:ecr/repository:Repository', name, repositoryArgs);
  let lifecyclePolicy;
  if (!inputs.decide('lifecyclePolicy', 'skip')) {
    const rules = inputs.value('lifecyclePolicy', 'rules');
    const policy = rules ? derive([rules], (value) => lifecyclePolicyDocument((value ?? []) as Rule[])) : lifecyclePolicyDocument(DEFAULT_RULES);
    lifecyclePolicy = build.child('aws:ecr/lifecyclePolicy:LifecyclePolicy', name, {
      repository: repository.output('name'),
      policy,
      ...(inputs.has('region') ? { region: inputs.value('region') } : {}),
    });
  }
  return { repository, ...(lifecyclePolicy ? { lifecyclePolicy } : {}), url: repository.output('repositoryUrl') };
}

export const ecrRepositoryModel: ComponentModel = { type: 'awsx:ecr:Repository', expand: expandRepository };
